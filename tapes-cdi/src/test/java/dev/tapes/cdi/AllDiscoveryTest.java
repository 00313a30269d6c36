package dev.tapes.cdi;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Discovery mode {@code all}: every class is a bean, and a flat deployment may scan our JAR
 * too; the extension drops those second copies of its producers and interceptors. */
class AllDiscoveryTest extends ExampleOnArquillian {

  @Deployment
  static WebArchive deployment() {
    return ArquillianDeployments.application("all");
  }
}

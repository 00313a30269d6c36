package dev.tapes.cdi;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** CDI 4's default discovery mode: only classes with a bean defining annotation are beans. */
class AnnotatedDiscoveryTest extends ExampleOnArquillian {

  @Deployment
  static WebArchive deployment() {
    return ArquillianDeployments.application("annotated");
  }
}

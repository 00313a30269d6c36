package dev.tapes.cdi;

import dev.tapes.Registry;
import dev.tapes.cdi.example.BaseResource;
import dev.tapes.cdi.example.BaseWorker;
import dev.tapes.cdi.example.FastWorker;
import dev.tapes.cdi.example.GadgetResource;
import dev.tapes.cdi.example.JobRunner;
import dev.tapes.cdi.example.ShippingService;
import dev.tapes.cdi.example.SlowWorker;
import dev.tapes.cdi.example.WidgetResource;
import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments of the Arquillian tests: a WAR as a user builds it, with the tapes JARs as
 * they are built (no {@code beans.xml} in them) in {@code WEB-INF/lib}, and the application's
 * classes with the {@code beans.xml} of the discovery mode under test.
 */
final class ArquillianDeployments {

  private ArquillianDeployments() {}

  static WebArchive application(String discoveryMode) {
    return ShrinkWrap.create(WebArchive.class, "shop.war")
        .addAsLibraries(library("tapes-core.jar", Registry.class),
            library("tapes-cdi.jar", TapesExtension.class))
        .addClasses(BaseResource.class, WidgetResource.class, GadgetResource.class,
            BaseWorker.class, FastWorker.class, SlowWorker.class, JobRunner.class,
            ShippingService.class)
        .addAsWebInfResource(new StringAsset("<beans"
        + " xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
        + " bean-discovery-mode=\"" + discoveryMode + "\"/>"), "beans.xml");
  }

  /** The main classes of the module holding {@code type}, as its JAR would hold them. */
  static JavaArchive library(String name, Class<?> type) {
    File location;
    try {
      location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (location.isDirectory()) {
      return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location)
          .as(JavaArchive.class);
    }
    return ShrinkWrap.create(ZipImporter.class, name).importFrom(location).as(JavaArchive.class);
  }
}

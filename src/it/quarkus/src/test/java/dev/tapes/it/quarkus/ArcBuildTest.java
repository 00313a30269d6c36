package dev.tapes.it.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapes.cdi.TapesBuildCompatibleExtension;
import dev.tapes.examples.shop.Warehouse;
import dev.tapes.it.quarkus.broken.InjectsAGauge;
import dev.tapes.it.quarkus.broken.OneNameTwoKinds;
import dev.tapes.it.quarkus.broken.TypoInClassTemplate;
import dev.tapes.it.quarkus.broken.TypoInMethodTemplate;
import io.quarkus.arc.processor.BeanArchives;
import io.quarkus.arc.processor.BeanProcessor;
import io.quarkus.arc.processor.bcextensions.ExtensionsEntryPoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.jar.JarFile;
import org.jboss.jandex.CompositeIndex;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

/**
 * The build-time half of the build compatible extension on ArC itself (not Weld's translator):
 * ArC's bean processor, as Quarkus runs it when it builds an application, with our extension and
 * a few classes. A misconfiguration fails the build with the message a Weld deployment fails with.
 * The application this module builds is the run-time half (the *IT tests).
 */
class ArcBuildTest {

  @Test
  void aCorrectApplicationBuilds() throws Exception {
    assertThat(build(Warehouse.class)).isNull();
  }

  @Test
  void anUnknownPlaceholderInTheClassTemplateFailsTheBuild() throws Exception {
    assertThat(build(TypoInClassTemplate.class)).isNotNull().hasStackTraceContaining("bean "
        + TypoInClassTemplate.class.getName() + ", @MeteredClass(\"shop.{nmae}\"): unknown"
        + " placeholder {nmae}; known: {}, {class}, {package}");
  }

  @Test
  void anUnknownPlaceholderInAMethodTemplateFailsTheBuild() throws Exception {
    assertThat(build(TypoInMethodTemplate.class)).isNotNull().hasStackTraceContaining("bean "
        + TypoInMethodTemplate.class.getName() + ", method buy, @Timed on the method"
        + " \"shop.{}.{mehtod}\": unknown placeholder {mehtod}; known: {}, {class}, {package},"
        + " {method}");
  }

  /**
   * ArC, like Weld's translator, validates injection points before it reports what a build
   * compatible extension found: the build fails on the unsatisfied {@code Gauge}, naming the
   * field; the portable extension's own message ("cannot inject a dev.tapes.Gauge") does not get
   * there first.
   */
  @Test
  void anInjectedGaugeFailsTheBuildNamingTheField() throws Exception {
    assertThat(build(InjectsAGauge.class)).isNotNull()
        .hasStackTraceContaining("Unsatisfied dependency for type dev.tapes.Gauge<java.lang.Long>")
        .hasStackTraceContaining(InjectsAGauge.class.getName() + "#stock");
  }

  /** Which of the two fields is named first depends on the order ArC lists injection points. */
  @Test
  void oneNameForTwoKindsOfMetricFailsTheBuild() throws Exception {
    assertThat(build(OneNameTwoKinds.class)).isNotNull()
        .hasStackTraceContaining("bean " + OneNameTwoKinds.class.getName() + ", field sales")
        .hasStackTraceContaining(", @Metric(\"shop.sales\"): cannot create ")
        .hasStackTraceContaining(" 'shop.sales': metric 'shop.sales' is already a ");
  }

  /**
   * Runs ArC's bean processor on {@code beans} and the tapes-cdi JAR as Quarkus sees it (its
   * Jandex index, as shipped), with our extension, discarding the classes it generates.
   *
   * @return what the build failed with, null if it succeeded
   */
  private static Throwable build(Class<?>... beans) throws Exception {
    IndexView index = BeanArchives.buildImmutableBeanArchiveIndex(
        CompositeIndex.create(shippedIndex(TapesBuildCompatibleExtension.class),
            index(List.of(beans))));
    ExtensionsEntryPoint extensions =
        new ExtensionsEntryPoint(List.of(new TapesBuildCompatibleExtension()));
    Set<String> discovered = new HashSet<>();
    extensions.runDiscovery(index, discovered);
    assertThat(discovered).as("what @Discovery adds is in the shipped index")
        .allMatch(name -> index.getClassByName(name) != null);
    BeanProcessor processor = BeanProcessor.builder()
        .setName("tapes_" + beans[0].getSimpleName())
        .setImmutableBeanArchiveIndex(index)
        .setComputingBeanArchiveIndex(BeanArchives.buildComputingBeanArchiveIndex(
            ArcBuildTest.class.getClassLoader(), new ConcurrentHashMap<>(), index))
        .setBuildCompatibleExtensions(extensions)
        .setOutput(resource -> { })
        .build();
    try {
      processor.process();
      return null;
    } catch (RuntimeException | ExecutionException e) {
      return e;
    }
  }

  /** The {@code META-INF/jandex.idx} of the JAR (or classes directory) holding {@code type}. */
  private static IndexView shippedIndex(Class<?> type) throws IOException {
    Path location;
    try {
      location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    if (Files.isDirectory(location)) {
      try (InputStream index = Files.newInputStream(location.resolve("META-INF/jandex.idx"))) {
        return new IndexReader(index).read();
      }
    }
    try (JarFile jar = new JarFile(location.toFile());
        InputStream index = jar.getInputStream(jar.getEntry("META-INF/jandex.idx"))) {
      return new IndexReader(index).read();
    }
  }

  private static IndexView index(List<Class<?>> classes) throws IOException {
    Indexer indexer = new Indexer();
    for (Class<?> type : classes) {
      try (InputStream bytes = type.getClassLoader()
          .getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
        indexer.index(bytes);
      }
    }
    return indexer.complete();
  }
}

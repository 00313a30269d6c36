package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.Gauge;
import dev.tapes.Meter;
import dev.tapes.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every misconfiguration fails deployment, with a message naming the bean, the member and the
 * annotation or configuration key, instead of failing at the first request.
 */
class MisconfigurationTest {

  private final List<String> properties = new ArrayList<>();

  /** A typo in the class template. */
  @MeteredClass("shop.{nmae}")
  public static class TypoInClassTemplate {
    @Inject Timer latency;
  }

  /** A placeholder the class template cannot know, in a class without metrics yet. */
  @MeteredClass("{}.{method}")
  public static class TypoInEmptyClass {}

  /** A typo in a field's template. */
  @ApplicationScoped
  public static class TypoInFieldTemplate {
    @Inject @Metric("shop.{}.{field}") Meter errors;
  }

  /** A typo in an interceptor binding's template. */
  @ApplicationScoped
  public static class TypoInMethodTemplate {
    @Timed("shop.{}.{mehtod}")
    public void buy() {}
  }

  /** A gauge cannot be injected: it reads a value the bean provides. */
  @ApplicationScoped
  public static class InjectsAGauge {
    @Inject @Metric("shop.stock") Gauge<Long> stock;
  }

  /** One name for two kinds of metric. */
  @ApplicationScoped
  public static class OneNameTwoKinds {
    @Inject @Metric("shop.sales") Timer salesTime;
    @Inject @Metric("shop.sales") Meter salesRate;
  }

  /** Harmless, to deploy next to a bad configuration. */
  @ApplicationScoped
  public static class Harmless {
    @Inject Timer latency;
  }

  @AfterEach
  void clearProperties() {
    properties.forEach(System::clearProperty);
  }

  private void set(String key, String value) {
    properties.add(key);
    System.setProperty(key, value);
  }

  private static Throwable deploymentFailure(Class<?>... beans) {
    Throwable failure = null;
    try {
      Containers.start(beans).close();
    } catch (RuntimeException e) {
      failure = e;
    }
    assertThat(failure).as("deployment of %s must fail", List.of(beans)).isNotNull();
    return rootCause(failure, failure);
  }

  /** Our exception: the first DefinitionException or DeploymentException of the jakarta API. */
  private static Throwable rootCause(Throwable top, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getClass() == DefinitionException.class || t.getClass() == DeploymentException.class) {
        return t;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Throwable found = rootCause(top, suppressed);
        if (found != top) {
          return found;
        }
      }
    }
    return top;
  }

  /**
   * The message of a definition error. The portable extension reports a {@link
   * DefinitionException} with exactly our message. Weld's translator reports the build compatible
   * extension's errors as deployment problems, our message followed by {@code " at "} and the
   * bean; ArC (Quarkus) reports them with the build's validation errors (see ArcBuildTest in
   * src/it/quarkus).
   */
  private static String definitionError(Throwable failure) {
    if (!Containers.buildCompatible()) {
      assertThat(failure).isInstanceOf(DefinitionException.class);
      return failure.getMessage();
    }
    assertThat(failure).isInstanceOf(DeploymentException.class);
    String message = failure.getMessage();
    assertThat(message).contains(" at @");
    return message.substring(0, message.indexOf(" at @"));
  }

  @Test
  void anUnknownPlaceholderInTheClassTemplate() {
    assertThat(definitionError(deploymentFailure(TypoInClassTemplate.class)))
        .startsWith("bean " + TypoInClassTemplate.class.getName()
            + ", @MeteredClass(\"shop.{nmae}\"): unknown placeholder {nmae}; known: {}, {class},"
            + " {package}");
  }

  @Test
  void anUnknownPlaceholderInTheTemplateOfAClassWithNothingInjected() {
    assertThat(definitionError(deploymentFailure(TypoInEmptyClass.class)))
        .isEqualTo("bean " + TypoInEmptyClass.class.getName()
            + ", @MeteredClass(\"{}.{method}\"): placeholder {method} is only known in the names"
            + " of @Timed, @Metered and @Counted; known here: {}, {class}, {package}");
  }

  @Test
  void anUnknownPlaceholderInAFieldTemplate() {
    assertThat(definitionError(deploymentFailure(TypoInFieldTemplate.class)))
        .isEqualTo("bean " + TypoInFieldTemplate.class.getName() + ", field errors,"
            + " @Metric(\"shop.{}.{field}\"): unknown placeholder {field}; known: {}, {class},"
            + " {package}");
  }

  @Test
  void anUnknownPlaceholderInAMethodTemplate() {
    assertThat(definitionError(deploymentFailure(TypoInMethodTemplate.class)))
        .isEqualTo("bean " + TypoInMethodTemplate.class.getName() + ", method buy, @Timed on"
            + " the method \"shop.{}.{mehtod}\": unknown placeholder {mehtod}; known: {}, {class},"
            + " {package}, {method}");
  }

  /**
   * Weld validates injection points before it reports what a build compatible extension found
   * (ArC too: see ArcBuildTest in src/it/quarkus), so under the build compatible extension the
   * unsatisfied {@code Gauge} fails the deployment first, naming the field; the portable
   * extension reports it earlier, with our message.
   */
  @Test
  void aMetricTypeThatCannotBeInjected() {
    Throwable failure = deploymentFailure(InjectsAGauge.class);
    if (Containers.buildCompatible()) {
      assertThat(failure).isInstanceOf(DeploymentException.class).hasMessageContaining(
          "Unsatisfied dependencies for type Gauge<Long>").hasMessageContaining(
          InjectsAGauge.class.getName() + ".stock");
      return;
    }
    assertThat(definitionError(failure))
        .startsWith("bean " + InjectsAGauge.class.getName() + ", field stock,"
            + " @Metric(\"shop.stock\"): cannot inject a dev.tapes.Gauge; metrics are injected as"
            + " dev.tapes.Timer, Meter, Counter or Histogram");
  }

  @Test
  void oneNameForTwoKindsOfMetric() {
    assertThat(deploymentFailure(OneNameTwoKinds.class))
        .isInstanceOf(DeploymentException.class)
        .hasMessageStartingWith("bean " + OneNameTwoKinds.class.getName() + ", field salesRate,"
            + " @Metric(\"shop.sales\"): cannot create Meter 'shop.sales': metric 'shop.sales' is"
            + " already a timer");
  }

  @Test
  void anUnknownReporter() {
    set("tapes.reporters", "stream,graphite");
    assertThat(deploymentFailure(Harmless.class))
        .hasMessage("tapes.reporters=stream,graphite: unknown reporter 'graphite'; known: stream,"
            + " statsd (from system properties and environment variables)");
  }

  @Test
  void aBadInterval() {
    set("tapes.report.interval", "10 seconds");
    assertThat(deploymentFailure(Harmless.class))
        .hasMessageStartingWith("tapes.report.interval=10 seconds: '10 seconds' is not a"
            + " duration");
  }

  @Test
  void aMisspelledKey() {
    set("tapes.statsd.prot", "8125");
    assertThat(deploymentFailure(Harmless.class))
        .hasMessageStartingWith("tapes.statsd.prot: unknown key");
  }

  @Test
  void anUnreadableCurveKeyFileFailsDeploymentNamingTheKey() {
    set("tapes.distributed.endpoint", "tcp://127.0.0.1:5555");
    set("tapes.distributed.curve.server-key", "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7");
    set("tapes.distributed.curve.key-file", "/nonexistent/web-1.key");
    assertThat(deploymentFailure(Harmless.class))
        .hasMessageStartingWith("tapes.distributed.curve.key-file=/nonexistent/web-1.key:"
            + " cannot read a key pair from it");
  }

  @Test
  void theSameBeansDeployWhenNothingIsWrong() {
    Containers.start(Harmless.class).close();
  }
}

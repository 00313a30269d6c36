package dev.tapes.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapes.cdi.example.WidgetResource;
import dev.tapes.internal.Configuration;
import org.junit.jupiter.api.Test;

/**
 * With MicroProfile Config on the class path (SmallRye Config here), configuration comes from
 * it, so {@code META-INF/microprofile-config.properties} counts. Runs in a surefire execution of
 * its own: every other test runs without the MicroProfile Config API.
 */
class MicroProfileConfigTest {

  private static ClassLoader loader() {
    return MicroProfileConfigTest.class.getClassLoader();
  }

  @Test
  void microProfileConfigIsUsedWhenPresent() {
    Configuration settings = Configuration.detect(loader());
    assertThat(settings.describe()).isEqualTo("MicroProfile Config");
    assertThat(settings.get("tapes.statsd.prefix")).isEqualTo("from-microprofile-config");
    assertThat(settings.keys()).contains("tapes.reporters", "tapes.stream.interval");
    assertThat(settings.get("tapes.statsd.host")).isNull();
  }

  @Test
  void aBadValueInMicroProfileConfigFailsDeploymentNamingKeyAndSource() {
    assertThatThrownBy(() -> Containers.start(WidgetResource.class).close())
        .hasMessageContaining("tapes.stream.interval=soon: 'soon' is not a duration")
        .hasMessageContaining("(from MicroProfile Config)");
  }
}

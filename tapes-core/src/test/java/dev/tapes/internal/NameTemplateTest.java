package dev.tapes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameTemplateTest {

  private static final String WIDGETS = "com.example.rest.WidgetResource";

  @Test
  void simpleNameIsTheConcreteClassNameWithoutPackage() {
    assertThat(NameTemplate.parse("my.http.endpoints.{}.latency", false).expand(WIDGETS, null))
        .isEqualTo("my.http.endpoints.WidgetResource.latency");
  }

  @Test
  void nestedClassesUseTheirOwnSimpleName() {
    assertThat(NameTemplate.parse("{}", false).expand("com.example.Outer$Inner", null))
        .isEqualTo("Inner");
  }

  @Test
  void classAndPackagePlaceholdersExpandToTheirNames() {
    assertThat(NameTemplate.parse("{package}/{class}/{}", false).expand(WIDGETS, null))
        .isEqualTo("com.example.rest/com.example.rest.WidgetResource/WidgetResource");
    assertThat(NameTemplate.parse("x{package}y", false).expand("Top", null)).isEqualTo("xy");
  }

  @Test
  void methodPlaceholderExpandsInMethodTemplates() {
    assertThat(NameTemplate.parse("orders.{}.{method}.calls", true).expand(WIDGETS, "place"))
        .isEqualTo("orders.WidgetResource.place.calls");
  }

  @Test
  void aTemplateWithoutPlaceholdersIsItself() {
    NameTemplate template = NameTemplate.parse("orders.queue", false);
    assertThat(template.expand(WIDGETS, null)).isEqualTo("orders.queue");
    assertThat(template.expand(null, null)).isEqualTo("orders.queue");
  }

  @Test
  void withoutABeanClassOnlyTemplatesWithoutClassPlaceholdersExpand() {
    assertThatThrownBy(() -> NameTemplate.parse("a.{}", false).expand(null, null))
        .hasMessage("{} needs a bean class, and a programmatic lookup has none: give the whole"
            + " name");
  }

  @Test
  void unknownPlaceholdersAreRefusedWithTheListOfKnownOnes() {
    assertThatThrownBy(() -> NameTemplate.parse("my.{name}.latency", false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown placeholder {name}; known: {}, {class}, {package}");
    assertThatThrownBy(() -> NameTemplate.parse("my.{0}", true))
        .hasMessage("unknown placeholder {0}; known: {}, {class}, {package}, {method}");
  }

  @Test
  void methodPlaceholderIsRefusedOutsideMethodTemplates() {
    assertThatThrownBy(() -> NameTemplate.parse("{}.{method}", false))
        .hasMessageContaining("{method} is only known in the names of @Timed, @Metered and"
            + " @Counted");
  }

  @Test
  void unbalancedBracesAreRefusedWithTheirPosition() {
    assertThatThrownBy(() -> NameTemplate.parse("my.{.latency", false))
        .hasMessage("unclosed '{' at index 3");
    assertThatThrownBy(() -> NameTemplate.parse("my.}", false))
        .hasMessage("'}' without '{' at index 3");
  }
}

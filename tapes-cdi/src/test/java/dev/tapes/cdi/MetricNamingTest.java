package dev.tapes.cdi;

import dev.tapes.MetricType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricNamingTest {

  private static final String WIDGETS = "com.example.WidgetResource";
  private static final String GADGETS = "com.example.GadgetResource";
  private static final String TIMER = "dev.tapes.Timer";

  private static Site field(String bean, String name) {
    return new Site(bean, "field", name);
  }

  private static Site method(String bean, String name) {
    return new Site(bean, "method", name);
  }

  @Test
  void meteredClassFieldsAreTheClassTemplatePlusTheFieldName() {
    MetricRequest request = MetricNaming.forInjection(field(WIDGETS, "latency"), TIMER,
        "my.http.endpoints.{}", null);
    assertThat(request.kind()).isEqualTo(MetricType.TIMER);
    assertThat(request.name()).isEqualTo("my.http.endpoints.WidgetResource.latency");
  }

  @Test
  void theSameFieldInTwoSubclassesGetsTwoNames() {
    assertThat(MetricNaming.forInjection(field(GADGETS, "latency"), TIMER,
        "my.http.endpoints.{}", null).name())
        .isEqualTo("my.http.endpoints.GadgetResource.latency");
  }

  @Test
  void aFieldsOwnMetricTemplateIsTheWholeName() {
    assertThat(MetricNaming.forInjection(field(WIDGETS, "errorRate"), "dev.tapes.Meter",
        "my.http.endpoints.{}", "my.http.endpoints.{}.error_rate").name())
        .isEqualTo("my.http.endpoints.WidgetResource.error_rate");
  }

  @Test
  void anEmptyMetricOrMeteredClassValueMeansTheDefault() {
    assertThat(MetricNaming.forInjection(field(WIDGETS, "t"), TIMER, "", "").name())
        .isEqualTo("WidgetResource.t");
  }

  @Test
  void outsideMeteredClassesThePlainNameIsSimpleClassNameDotField() {
    assertThat(MetricNaming.forInjection(field(WIDGETS, "t"), TIMER, null, null).name())
        .isEqualTo("WidgetResource.t");
    assertThat(MetricNaming.forInjection(field(WIDGETS, "t"), "dev.tapes.Histogram", null,
        "sizes").name()).isEqualTo("sizes");
  }

  @Test
  void everyInjectableKindIsRecognised() {
    assertThat(MetricNaming.forInjection(field(WIDGETS, "a"), "dev.tapes.Counter", null, null)
        .kind()).isEqualTo(MetricType.COUNTER);
    assertThat(MetricNaming.forInjection(field(WIDGETS, "a"), "dev.tapes.Histogram", null, null)
        .kind()).isEqualTo(MetricType.HISTOGRAM);
    assertThat(MetricNaming.forInjection(field(WIDGETS, "a"), "dev.tapes.Meter", null, null)
        .kind()).isEqualTo(MetricType.METER);
  }

  @Test
  void aBadClassTemplateNamesBeanFieldAndAnnotation() {
    assertThatThrownBy(() -> MetricNaming.forInjection(field(WIDGETS, "latency"), TIMER,
        "my.{nmae}", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bean com.example.WidgetResource, field latency, @MeteredClass(\"my.{nmae}\"):"
            + " unknown placeholder {nmae}; known: {}, {class}, {package}");
  }

  @Test
  void aBadFieldTemplateNamesBeanFieldAndAnnotation() {
    assertThatThrownBy(() -> MetricNaming.forInjection(field(WIDGETS, "errors"), TIMER, null,
        "errors.{method}"))
        .hasMessageStartingWith("bean com.example.WidgetResource, field errors,"
            + " @Metric(\"errors.{method}\"): placeholder {method} is only known");
  }

  @Test
  void aGaugeCannotBeInjectedAndTheMessageSaysWhatToDo() {
    assertThatThrownBy(() -> MetricNaming.forInjection(field(WIDGETS, "depth"),
        "dev.tapes.Gauge", null, "queue.depth"))
        .hasMessage("bean com.example.WidgetResource, field depth, @Metric(\"queue.depth\"):"
            + " cannot inject a dev.tapes.Gauge; metrics are injected as dev.tapes.Timer, Meter,"
            + " Counter or Histogram (a gauge reads a value the bean provides: call"
            + " registry.gauge(name, supplier))");
  }

  @Test
  void anUnnamedParameterNeedsAnExplicitName() {
    assertThatThrownBy(() -> MetricNaming.forInjection(new Site(WIDGETS, "parameter", null),
        TIMER, null, null))
        .hasMessageStartingWith("bean com.example.WidgetResource, parameter (name not compiled"
            + " in), default name {}.<parameter>: the default name needs the parameter's name");
    assertThat(MetricNaming.forInjection(new Site(WIDGETS, "parameter", null), TIMER, null,
        "named").name()).isEqualTo("named");
  }

  @Test
  void methodsWithoutANameAreTheClassTemplatePlusTheMethodName() {
    assertThat(MetricNaming.forMethod(method(WIDGETS, "get"), MetricType.TIMER, "Timed", "", null,
        "my.http.endpoints.{}").name()).isEqualTo("my.http.endpoints.WidgetResource.get");
    assertThat(MetricNaming.forMethod(method(WIDGETS, "get"), MetricType.TIMER, "Timed", "", null,
        null).name()).isEqualTo("WidgetResource.get");
  }

  @Test
  void aMethodLevelNameIsTheWholeName() {
    assertThat(MetricNaming.forMethod(method(WIDGETS, "place"), MetricType.COUNTER, "Counted",
        "orders.{}.{method}.calls", "ignored.{}", "ignored").name())
        .isEqualTo("orders.WidgetResource.place.calls");
  }

  @Test
  void aClassLevelNameIsAPrefixUnlessItMentionsTheMethod() {
    assertThat(MetricNaming.forMethod(method(WIDGETS, "place"), MetricType.METER, "Metered", null,
        "orders.{}", null).name()).isEqualTo("orders.WidgetResource.place");
    assertThat(MetricNaming.forMethod(method(WIDGETS, "place"), MetricType.METER, "Metered", null,
        "orders.{method}.{}", null).name()).isEqualTo("orders.place.WidgetResource");
  }

  @Test
  void aBadMethodTemplateNamesBeanMethodAndAnnotation() {
    assertThatThrownBy(() -> MetricNaming.forMethod(method(WIDGETS, "place"), MetricType.TIMER,
        "Timed", "orders.{mehtod}", null, null))
        .hasMessage("bean com.example.WidgetResource, method place, @Timed on the method"
            + " \"orders.{mehtod}\": unknown placeholder {mehtod}; known: {}, {class}, {package},"
            + " {method}");
    assertThatThrownBy(() -> MetricNaming.forMethod(method(WIDGETS, "place"), MetricType.TIMER,
        "Timed", null, "orders.{x}", null))
        .hasMessageStartingWith("bean com.example.WidgetResource, method place, @Timed on the"
            + " class \"orders.{x}\": unknown placeholder {x}");
  }

  @Test
  void aMeteredClassTemplateIsCheckedOnItsOwn() {
    MetricNaming.checkClassTemplate(WIDGETS, "");
    assertThatThrownBy(() -> MetricNaming.checkClassTemplate(WIDGETS, "a.{method}"))
        .hasMessageStartingWith("bean com.example.WidgetResource, @MeteredClass(\"a.{method}\"):"
            + " placeholder {method} is only known");
  }
}

package dev.tapes.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names an injected metric explicitly, in any bean.
 *
 * <pre>{@code
 * @Inject @Metric("orders.{}.rejected") Meter rejected;   // orders.OrderService.rejected
 * @Inject @Metric("orders.queue") Counter queued;          // orders.queue
 * }</pre>
 *
 * <p>The value is the whole name, a template with the placeholders of {@link MeteredClass}. An
 * empty value means the default name: {@code <MeteredClass template>.<field>} in a {@link
 * MeteredClass} bean, {@code {}.<field>} elsewhere. Constructor and initializer parameters use
 * the parameter's name, which needs {@code javac -parameters}; otherwise give them a name here.
 *
 * <p>A qualifier whose value does not take part in resolution, so that one producer serves every
 * name; it can only qualify {@code Timer}, {@code Meter}, {@code Counter} and {@code Histogram}.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface Metric {

  /** The metric's name template; empty means the default name. */
  @Nonbinding
  String value() default "";

  /** A {@code @Metric} for programmatic lookup: {@code instance.select(Metric.Literal.of(n))}. */
  final class Literal extends AnnotationLiteral<Metric> implements Metric {

    private static final long serialVersionUID = 1L;

    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    public static Literal of(String value) {
      return new Literal(java.util.Objects.requireNonNull(value, "value"));
    }

    @Override
    public String value() {
      return value;
    }
  }
}

package dev.tapes.cdi;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names the metrics of a bean class and of every subclass from one template: the seed's
 * {@code metered_meta}.
 *
 * <pre>{@code
 * @MeteredClass("my.http.endpoints.{}")   // {} = simple name of the concrete bean class
 * public abstract class BaseResource {
 *   @Inject Timer latency;                 // my.http.endpoints.WidgetResource.latency
 * }
 * }</pre>
 *
 * <p>In a bean carrying it, every injected {@code Timer}, {@code Meter}, {@code Counter} and
 * {@code Histogram} without a {@link Metric} name is named {@code <template>.<field name>}, and
 * {@link Timed}, {@link Metered} and {@link Counted} methods without a name are named {@code
 * <template>.<method name>}. The placeholders are {@code {}} (simple name of the concrete bean
 * class), {@code {class}} (its fully qualified name) and {@code {package}}; the empty default is
 * {@code {}}. The template is expanded for the concrete class, so two subclasses of one base get
 * two sets of metrics, and an abstract base, never a bean, gets none.
 *
 * <p>It is a stereotype, hence a bean defining annotation: annotated classes are beans whatever
 * the application's discovery mode, {@code @Dependent} unless they declare a scope. It is
 * inherited by subclasses; a subclass may declare its own to change the template.
 */
@Stereotype
@Inherited
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface MeteredClass {

  /** The name template of the class's metrics; empty means {@code {}}. */
  String value() default "";
}

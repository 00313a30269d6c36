package dev.tapes.cdi;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Counts the calls of a method, or of every business method of a class, in a {@code Counter}.
 *
 * <pre>{@code
 * @Counted("orders.{}.placed")         // orders.OrderService.placed
 * public Receipt place(Order order) { ... }
 *
 * @Counted                             // OrderService.ship, or <MeteredClass template>.ship
 * public CompletionStage<Void> ship(Order order) { ... }
 * }</pre>
 *
 * <p>The counter goes up by one when a call starts and never down (as MicroProfile Metrics 2 and
 * later count), so calls that throw count too, and a method returning a {@link
 * java.util.concurrent.CompletionStage} counts when it is called. For a rate too, use {@link
 * Metered}.
 *
 * <p>On a method, the value is the whole name, a template with the placeholders of {@link
 * MeteredClass} plus {@code {method}}. On a class, it names each method: {@code
 * <template>.<method>}, or the template alone if it mentions {@code {method}}. Empty means
 * {@code <MeteredClass template>.<method>}, or {@code {}.<method>} outside a metered class.
 * Overloads share a metric unless named apart. The interceptor needs no {@code beans.xml}: it is
 * enabled with a priority, {@code Interceptor.Priority.LIBRARY_BEFORE + 10}.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Counted {

  /** The counter's name template; empty means the default name. */
  @Nonbinding
  String value() default "";
}

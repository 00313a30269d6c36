package dev.tapes.cdi;

import dev.tapes.Meter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Marks the meter of {@link Metered} methods when a call starts, so that calls that throw count
 * as well. Per call: one lookup of the method's meter (resolved once), one add.
 */
@Metered
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
class MeteredInterceptor {

  private final MethodMetrics<Meter> meters;

  @Inject
  MeteredInterceptor(TapesRuntime runtime) {
    this(runtime.meters());
  }

  MeteredInterceptor(MethodMetrics<Meter> meters) {
    this.meters = meters;
  }

  @AroundInvoke
  Object mark(InvocationContext context) throws Exception {
    meters.get(context.getTarget().getClass(), context.getMethod()).mark();
    return context.proceed();
  }
}

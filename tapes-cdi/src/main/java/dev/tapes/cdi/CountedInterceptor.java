package dev.tapes.cdi;

import dev.tapes.Counter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Counts the calls of {@link Counted} methods when they start, so that calls that throw count as
 * well. Per call: one lookup of the method's counter (resolved once), one add.
 */
@Counted
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
class CountedInterceptor {

  private final MethodMetrics<Counter> counters;

  @Inject
  CountedInterceptor(TapesRuntime runtime) {
    this(runtime.counters());
  }

  CountedInterceptor(MethodMetrics<Counter> counters) {
    this.counters = counters;
  }

  @AroundInvoke
  Object count(InvocationContext context) throws Exception {
    counters.get(context.getTarget().getClass(), context.getMethod()).increment();
    return context.proceed();
  }
}

package dev.tapes.cdi;

import dev.tapes.Clock;
import dev.tapes.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * Times {@link Timed} methods. Per call: one lookup of the method's timer (resolved once, see
 * {@link MethodMetrics}), two clock reads, {@link Timer#update}; nothing allocated beyond what
 * the container's interception allocates. A {@link CompletionStage} result is timed until it
 * completes, which costs one callback object and the stage {@code whenComplete} returns.
 */
@Timed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 10)
class TimedInterceptor {

  private final MethodMetrics<Timer> timers;
  private final Clock clock;

  @Inject
  TimedInterceptor(TapesRuntime runtime) {
    this(runtime.timers(), runtime.registry().getClock());
  }

  TimedInterceptor(MethodMetrics<Timer> timers, Clock clock) {
    this.timers = timers;
    this.clock = clock;
  }

  @AroundInvoke
  Object time(InvocationContext context) throws Exception {
    Timer timer = timers.get(context.getTarget().getClass(), context.getMethod());
    long start = clock.nanoTime();
    Object result;
    try {
      result = context.proceed();
    } catch (Throwable failure) {
      timer.update(clock.nanoTime() - start);
      throw failure;
    }
    if (result instanceof CompletionStage<?> stage) {
      // The caller gets the very stage the method returned; the derived one only observes it.
      stage.whenComplete(new Completion(timer, clock, start));
    } else {
      timer.update(clock.nanoTime() - start);
    }
    return result;
  }

  /** Records an asynchronous call when its stage completes, normally or exceptionally. */
  private static final class Completion implements BiConsumer<Object, Throwable> {

    private final Timer timer;
    private final Clock clock;
    private final long start;

    Completion(Timer timer, Clock clock, long start) {
      this.timer = timer;
      this.clock = clock;
      this.start = start;
    }

    @Override
    public void accept(Object value, Throwable failure) {
      timer.update(clock.nanoTime() - start);
    }
  }
}

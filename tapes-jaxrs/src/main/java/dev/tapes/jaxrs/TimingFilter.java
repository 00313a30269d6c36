package dev.tapes.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;

/**
 * Times one resource method: bound to it, as an instance already holding its metrics, by {@link
 * ResourceTimingFeature}.
 *
 * <p>The request side stores the start in the request property {@link #STATE}; whichever side
 * finishes the request records it and sets the property to {@link #DONE}, so a request is
 * recorded once:
 *
 * <ul>
 *   <li>the response filter counts the status class, and records the latency at once when the
 *       response has no entity;
 *   <li>otherwise the writer interceptor records it once the entity is written (or its writing
 *       failed), so a {@code StreamingOutput} is timed to its last byte.
 * </ul>
 *
 * <p>The property stays to the end of the request: its presence tells {@link
 * UnmatchedRequestFilter} that the request matched a resource method, with no call to an
 * injected {@code ResourceInfo} proxy, which costs more than all the timing (issue 8's wrk
 * runs). Replacing a present property's value allocates nothing.
 *
 * <p>Asynchronous resources ({@code AsyncResponse}, {@code CompletionStage}) reach the response
 * filter only when resumed, so they are timed to the resumption. Exceptions are first mapped to a
 * response (by the application's mappers or by {@link UnhandledExceptionMapper}), which then
 * passes through this filter like any other.
 *
 * <p>Per request: two clock reads, one {@code LongAdder} add per meter, one timer update, and the
 * boxed start, the only allocation ({@code Long}, 24 bytes; {@code TimingFilterAllocationTest}).
 */
final class TimingFilter implements ContainerRequestFilter, ContainerResponseFilter,
    WriterInterceptor {

  /**
   * The request property holding the start, in the registry clock's nanoseconds, until the
   * request is recorded; then {@link #DONE}. Set on every request that matched a resource method.
   */
  static final String STATE = "dev.tapes.jaxrs.timing";

  /** {@link #STATE} once there is nothing (more) to record for the request. */
  static final String DONE = "done";

  private final MethodMetrics metrics;

  TimingFilter(MethodMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STATE, metrics.clock.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STATE) instanceof Long start)) {
      return; // recorded already: the response of a failed entity write passes here again
    }
    metrics.responses.mark(response.getStatus());
    if (!response.hasEntity()) {
      request.setProperty(STATE, DONE);
      metrics.latency.update(metrics.clock.nanoTime() - start);
    }
  }

  /**
   * Records once the entity is written, also when writing fails. A failure is not counted in
   * {@code errors} here: before the response is committed the runtime maps it like any other
   * exception (and {@link UnhandledExceptionMapper} counts it); after, the status is sent and the
   * runtime only logs it.
   */
  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    try {
      context.proceed();
    } finally {
      if (context.getProperty(STATE) instanceof Long start) {
        context.setProperty(STATE, DONE);
        metrics.latency.update(metrics.clock.nanoTime() - start);
      }
    }
  }

  @Override
  public String toString() {
    return "TimingFilter[" + metrics.latency.getName() + "]";
  }

  /**
   * Bound to the matched methods that are not timed ({@link MetricsResource}, a runtime's own
   * {@code OPTIONS} responders): marks their requests as matched, with nothing to record.
   */
  static final class MatchedOnly implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(STATE, DONE);
    }
  }
}

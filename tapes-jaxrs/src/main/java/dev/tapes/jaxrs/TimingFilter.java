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
 * <p>The request side stores the start in a request property; whichever side finishes the
 * request records it and removes the property, so a request is recorded once:
 *
 * <ul>
 *   <li>the response filter counts the status class, and records the latency at once when the
 *       response has no entity;
 *   <li>otherwise the writer interceptor records it once the entity is written (or its writing
 *       failed), so a {@code StreamingOutput} is timed to its last byte.
 * </ul>
 *
 * <p>Asynchronous resources ({@code AsyncResponse}, {@code CompletionStage}) reach the response
 * filter only when resumed, so they are timed to the resumption. Exceptions are first mapped to a
 * response (by the application's mappers or by {@link UnhandledExceptionMapper}), which then
 * passes through this filter like any other.
 *
 * <p>Per request: two clock reads, one {@code LongAdder} add per meter, one timer update, and the
 * boxed start, the only allocation ({@code Long}, 16 bytes; {@code TimingFilterAllocationTest}).
 */
final class TimingFilter implements ContainerRequestFilter, ContainerResponseFilter,
    WriterInterceptor {

  /** The request property holding the start, in the registry clock's nanoseconds. */
  static final String START = "dev.tapes.jaxrs.start";

  private final MethodMetrics metrics;

  TimingFilter(MethodMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(START, metrics.clock.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object start = request.getProperty(START);
    if (start == null) {
      return; // recorded already: the response of a failed entity write passes here again
    }
    metrics.responses.mark(response.getStatus());
    if (!response.hasEntity()) {
      request.removeProperty(START);
      metrics.latency.update(metrics.clock.nanoTime() - (Long) start);
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
      Object start = context.getProperty(START);
      if (start != null) {
        context.removeProperty(START);
        metrics.latency.update(metrics.clock.nanoTime() - (Long) start);
      }
    }
  }

  @Override
  public String toString() {
    return "TimingFilter[" + metrics.latency.getName() + "]";
  }
}

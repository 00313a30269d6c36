package dev.tapes.jaxrs;

import dev.tapes.ManualClock;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Endpoints that take a known time on a {@link ManualClock}: each advances the clock by its own
 * amount where the work happens (in the method, on another thread before resuming, in the middle
 * of writing), so the filter's timings are exact and prove where timing starts and ends.
 */
@Path("/clocked")
public class ClockedResource {

  static final Duration SYNC = Duration.ofMillis(50);
  static final Duration ASYNC = Duration.ofMillis(200);
  static final Duration STAGE = Duration.ofMillis(300);
  static final Duration STREAM = Duration.ofMillis(400);

  private final ManualClock clock;
  private final Executor executor;

  ClockedResource(ManualClock clock, Executor executor) {
    this.clock = clock;
    this.executor = executor;
  }

  @GET
  @Path("sync")
  public String sync() {
    clock.advance(SYNC);
    return "sync";
  }

  @GET
  @Path("empty")
  public Response empty() {
    return Response.noContent().build();
  }

  @GET
  @Path("async")
  public void async(@Suspended AsyncResponse response) {
    executor.execute(() -> {
      clock.advance(ASYNC);
      response.resume("async");
    });
  }

  @GET
  @Path("stage")
  public CompletionStage<String> stage() {
    return CompletableFuture.supplyAsync(() -> {
      clock.advance(STAGE);
      return "stage";
    }, executor);
  }

  @GET
  @Path("stream")
  public StreamingOutput stream() {
    return out -> {
      out.write("first ".getBytes(StandardCharsets.UTF_8));
      out.flush();
      clock.advance(STREAM);
      out.write("last".getBytes(StandardCharsets.UTF_8));
    };
  }

  @GET
  @Path("mapped")
  public String mapped() {
    throw new WidgetMissingException();
  }

  @GET
  @Path("web")
  public String web() {
    throw new BadRequestException();
  }

  @GET
  @Path("unmapped")
  public String unmapped() {
    throw new IllegalStateException("unmapped failure");
  }

  @GET
  @Path("async-unmapped")
  public void asyncUnmapped(@Suspended AsyncResponse response) {
    executor.execute(() -> response.resume(new IllegalStateException("async failure")));
  }

  @GET
  @Path("stage-unmapped")
  public CompletionStage<String> stageUnmapped() {
    return CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("stage failure");
    }, executor);
  }

  @GET
  @Path("stream-unmapped")
  public StreamingOutput streamUnmapped() {
    return out -> {
      throw new IllegalStateException("stream failure before the first byte");
    };
  }

  /** An application exception the application maps itself, to 404. */
  static final class WidgetMissingException extends RuntimeException {
    WidgetMissingException() {
      super("no such widget");
    }
  }

  /** The application's own mapper. */
  static final class WidgetMissingMapper
      implements jakarta.ws.rs.ext.ExceptionMapper<WidgetMissingException> {
    @Override
    public Response toResponse(WidgetMissingException exception) {
      return Response.status(Response.Status.NOT_FOUND).entity(exception.getMessage()).build();
    }
  }
}

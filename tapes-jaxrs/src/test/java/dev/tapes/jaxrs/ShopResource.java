package dev.tapes.jaxrs;

import dev.tapes.ManualClock;
import dev.tapes.Timer;
import dev.tapes.cdi.MeteredClass;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;

/**
 * A resource written the way tapes-cdi users write them: a CDI bean with a {@code @MeteredClass}
 * template and an injected timer of its own, beside which the filter's metrics appear.
 */
@MeteredClass("shop.{}")
@Path("/shop")
public class ShopResource {

  @Inject Timer checkout; // shop.ShopResource.checkout, injected by tapes-cdi
  @Inject ManualClock clock;
  @Inject ExecutorService executor;

  @GET
  @Path("sync")
  public String sync() {
    clock.advance(Duration.ofMillis(50));
    checkout.update(Duration.ofMillis(50));
    return "sync";
  }

  @GET
  @Path("async")
  public void async(@Suspended AsyncResponse response) {
    executor.execute(() -> {
      clock.advance(Duration.ofMillis(200));
      response.resume("async");
    });
  }

  @GET
  @Path("stage")
  public CompletionStage<String> stage() {
    return CompletableFuture.supplyAsync(() -> {
      clock.advance(Duration.ofMillis(300));
      return "stage";
    }, executor);
  }

  @GET
  @Path("stream")
  public StreamingOutput stream() {
    return out -> {
      out.write("first ".getBytes(StandardCharsets.UTF_8));
      out.flush();
      clock.advance(Duration.ofMillis(400));
      out.write("last".getBytes(StandardCharsets.UTF_8));
    };
  }

  @GET
  @Path("mapped")
  public String mapped() {
    throw new SoldOutException();
  }

  @GET
  @Path("unmapped")
  public String unmapped() {
    throw new IllegalStateException("unmapped failure");
  }

  @GET
  @Path("stage-unmapped")
  public CompletionStage<String> stageUnmapped() {
    return CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("stage failure");
    }, executor);
  }

  /** An application exception with its own mapper. */
  public static class SoldOutException extends RuntimeException {
    public SoldOutException() {
      super("sold out");
    }
  }

  /** The application's mapper: 409. */
  public static class SoldOutMapper implements ExceptionMapper<SoldOutException> {
    @Override
    public Response toResponse(SoldOutException exception) {
      return Response.status(Response.Status.CONFLICT).entity(exception.getMessage()).build();
    }
  }
}

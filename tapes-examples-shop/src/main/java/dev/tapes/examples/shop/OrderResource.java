package dev.tapes.examples.shop;

import dev.tapes.Histogram;
import dev.tapes.cdi.MeteredClass;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Orders: an asynchronous endpoint (timed by tapes-jaxrs until the order has shipped) and one
 * that always fails (counted in {@code shop.OrderResource.cancel.errors} and {@code
 * responses.5xx}).
 */
@MeteredClass("shop.{}")
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

  @Inject Warehouse warehouse;
  @Inject Histogram quantities; // shop.OrderResource.quantities: items per order

  @POST
  public CompletionStage<Order> place(@QueryParam("item") @DefaultValue("w1") String item,
      @QueryParam("quantity") @DefaultValue("1") int quantity) {
    quantities.update(quantity);
    return warehouse.ship(new Order(UUID.randomUUID().toString(), item, quantity, "placed"));
  }

  @POST
  @Path("{id}/cancel")
  public Order cancel(@PathParam("id") String id) {
    // A bug no ExceptionMapper handles: tapes-jaxrs logs it, answers 500 and counts it.
    throw new IllegalStateException("order " + id + " has already shipped");
  }
}

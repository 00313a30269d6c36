package dev.tapes.examples.shop;

import dev.tapes.Meter;
import dev.tapes.Timer;
import dev.tapes.cdi.MeteredClass;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Collection;
import java.util.Map;

/**
 * The base of every catalog: its metrics are declared once here and named per concrete class,
 * as the seed's {@code metered_meta} does. {@code WidgetResource} gets {@code
 * shop.WidgetResource.lookup} and {@code shop.WidgetResource.misses}; this abstract class, never
 * a bean, gets none. tapes-jaxrs adds a timer and status meters per method beside them ({@code
 * shop.WidgetResource.list.latency}, {@code shop.WidgetResource.get.responses.4xx}, ...).
 */
@MeteredClass("shop.{}")
public abstract class CatalogResource {

  @Inject Timer lookup;
  @Inject Meter misses;

  /** This catalog's items by id. */
  protected abstract Map<String, Item> items();

  @GET
  @Produces(MediaType.APPLICATION_JSON) // on the methods: JAX-RS inherits method annotations only
  public Collection<Item> list() {
    return items().values();
  }

  @GET
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Item get(@PathParam("id") String id) {
    Item item = lookup.record(() -> items().get(id)); // or try (Timer.Context c = lookup.time())
    if (item == null) {
      misses.mark();
      throw new NotFoundException("no item " + id); // a 404, counted in responses.4xx
    }
    return item;
  }
}

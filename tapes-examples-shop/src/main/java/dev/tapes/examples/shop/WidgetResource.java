package dev.tapes.examples.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalog: its metrics come from {@link CatalogResource}. {@code @RequestScoped} makes it a
 * bean of its own: discovery does not see the {@code @MeteredClass} it inherits, and a resource
 * that is no bean is injected by the JAX-RS runtime outside CDI, where the concrete class is
 * unknown and {@code {}} would name the metrics after {@code CatalogResource} instead.
 */
@RequestScoped
@Path("widgets")
public class WidgetResource extends CatalogResource {

  private static final Map<String, Item> ITEMS = new LinkedHashMap<>();

  static {
    ITEMS.put("w1", new Item("w1", "sprocket", 12));
    ITEMS.put("w2", new Item("w2", "flange", 3));
  }

  @Override
  protected Map<String, Item> items() {
    return ITEMS;
  }
}

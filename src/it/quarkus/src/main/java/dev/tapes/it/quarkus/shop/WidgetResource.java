package dev.tapes.it.quarkus.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A catalog: its metrics come from {@link CatalogResource}; request-scoped, as in the WAR. */
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

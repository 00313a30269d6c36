package dev.tapes.jaxrs;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A CDI bean resource without {@code @MeteredClass}: named by the default template. */
@RequestScoped
@Path("/plain")
public class PlainBeanResource {

  @GET
  public String get() {
    return "plain";
  }
}

package dev.tapes.benchmarks;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.ResponseMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The one endpoint of the JAX-RS overhead stage: as little work as a resource can do, so that
 * the instrumentation's share of each request is as large as it can be (a real endpoint does
 * more, which only shrinks that share).
 *
 * <p>Dropwizard's annotations ask its Jersey listener for what Tapes records for every resource
 * method: a timer, meters of responses by status class and a meter of exceptions. They do
 * nothing where that listener is not registered.
 */
@Path("/hello")
public class HelloResource {

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  @Timed
  @ResponseMetered
  @ExceptionMetered
  public String hello() {
    return "hello";
  }
}

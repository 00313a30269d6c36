package dev.tapes.scrape;

import dev.tapes.RegistrySnapshot;
import dev.tapes.SnapshotSource;
import dev.tapes.exposition.ExpositionFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers {@code GET /metrics} and its subtrees, for every endpoint alike: the role check,
 * content negotiation, the subtree a path selects, and the status codes.
 *
 * <pre>{@code
 * ScrapeHandler handler = new ScrapeHandler(registry, null);
 * ScrapeResponse response = handler.handle("my/http", acceptHeader, Caller.ANONYMOUS);
 * // response.status(), response.headers(), response.writeBody(out)
 * }</pre>
 *
 * <ul>
 *   <li>With a role set: {@code 401} (and {@code WWW-Authenticate: Basic realm="metrics"})
 *       without an authenticated user, {@code 403} for a user without the role.
 *   <li>The format follows {@code Accept} ({@link ContentNegotiation}); {@code 406} when none of
 *       ours is acceptable.
 *   <li>A path below the endpoint selects the metrics under it ({@code my/http} →
 *       {@code my.http}, sampling only those); {@code 404} if there are none.
 *   <li>Every answer varies on {@code Accept} and must not be cached.
 * </ul>
 */
public final class ScrapeHandler {

  /** Headers of every answer. */
  static final Map<String, String> ALWAYS = Map.of("Vary", "Accept", "Cache-Control", "no-store");

  private final SnapshotSource source;
  private final String role;

  /**
   * Serves {@code source}, to callers with {@code role} (null or blank: to anyone).
   */
  public ScrapeHandler(SnapshotSource source, String role) {
    this.source = Objects.requireNonNull(source, "source");
    this.role = role == null || role.isBlank() ? null : role.strip();
  }

  /** The role a caller needs, or null. */
  public String role() {
    return role;
  }

  /**
   * Answers a scrape.
   *
   * @param subpath the decoded URL path below the endpoint ({@code my/http}); empty for all
   * @param accept the {@code Accept} header (several joined with commas), or null
   * @param caller who asks
   */
  public ScrapeResponse handle(String subpath, String accept, Caller caller) {
    Objects.requireNonNull(caller, "caller");
    ScrapeResponse refused = checkRole(caller);
    if (refused != null) {
      return refused;
    }
    Optional<ExpositionFormat> format = ContentNegotiation.negotiate(accept);
    if (format.isEmpty()) {
      return ScrapeResponse.problem(406, "none of the accepted types is available; available: "
          + ContentNegotiation.AVAILABLE + "\n", Map.of());
    }
    String path = metricPath(subpath == null ? "" : subpath);
    RegistrySnapshot selected = source.snapshot(path);
    if (!path.isEmpty() && selected.metrics().isEmpty()) {
      return ScrapeResponse.problem(404, "no metric named '" + path + "' or below it\n",
          Map.of());
    }
    return ScrapeResponse.metrics(format.get(), selected);
  }

  /**
   * The role check alone, for other resources behind the same role (a page served beside the
   * metrics): the refusal to answer, or null if {@code caller} may proceed.
   */
  public ScrapeResponse checkRole(Caller caller) {
    if (role == null) {
      return null;
    }
    if (!caller.isAuthenticated()) {
      return ScrapeResponse.problem(401, "metrics require an authenticated user\n",
          Map.of("WWW-Authenticate", "Basic realm=\"metrics\""));
    }
    if (!caller.isInRole(role)) {
      return ScrapeResponse.problem(403, "metrics require the role " + role + "\n", Map.of());
    }
    return null;
  }

  /**
   * The dotted metric path a URL path below the endpoint names: {@code my/http} →
   * {@code my.http}. Empty segments (doubled or trailing slashes) are ignored.
   */
  public static String metricPath(String urlPath) {
    Objects.requireNonNull(urlPath, "urlPath");
    StringBuilder path = new StringBuilder(urlPath.length());
    for (String segment : urlPath.split("/")) {
      if (!segment.isEmpty()) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(segment);
      }
    }
    return path.toString();
  }
}

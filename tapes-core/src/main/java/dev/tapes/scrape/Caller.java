package dev.tapes.scrape;

/** Who sends a scrape, as far as the role check needs to know. */
public interface Caller {

  /** A caller nobody authenticated. */
  Caller ANONYMOUS = new Caller() {
    @Override
    public boolean isAuthenticated() {
      return false;
    }

    @Override
    public boolean isInRole(String role) {
      return false;
    }
  };

  /** Whether the server authenticated a user for this request. */
  boolean isAuthenticated();

  /** Whether that user has {@code role}. */
  boolean isInRole(String role);
}

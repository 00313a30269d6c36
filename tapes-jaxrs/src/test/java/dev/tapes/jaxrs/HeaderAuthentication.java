package dev.tapes.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The test's authentication mechanism, standing in for the container's: the user named in the
 * {@code X-User} header, whose only role is its name. No header, no user.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class HeaderAuthentication implements ContainerRequestFilter {

  static final String HEADER = "X-User";

  @Override
  public void filter(ContainerRequestContext request) {
    String user = request.getHeaderString(HEADER);
    if (user == null) {
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return () -> user;
      }

      @Override
      public boolean isUserInRole(String role) {
        return role.equals(user);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return "X-User";
      }
    });
  }
}

package dev.tapes.jaxrs;

/**
 * A request context holding one property in a field, so that using it allocates nothing and the
 * filter's own allocation can be measured. Everything else is unsupported.
 */
final class FakeRequest implements jakarta.ws.rs.container.ContainerRequestContext {

  private String propertyName;
  private Object propertyValue;

  @Override
  public Object getProperty(java.lang.String name) {
    return name.equals(propertyName) ? propertyValue : null;
  }

  @Override
  public void setProperty(java.lang.String name, Object value) {
    if (propertyName != null && !propertyName.equals(name)) {
      throw new IllegalStateException("this fake holds one property, has " + propertyName);
    }
    propertyName = name;
    propertyValue = value;
  }

  @Override
  public void removeProperty(java.lang.String name) {
    if (name.equals(propertyName)) {
      propertyName = null;
      propertyValue = null;
    }
  }

  @Override
  public java.util.Collection<java.lang.String> getPropertyNames() {
    return propertyName == null ? java.util.List.of() : java.util.List.of(propertyName);
  }

  @Override
  public jakarta.ws.rs.core.UriInfo getUriInfo() {
    throw new UnsupportedOperationException("getUriInfo");
  }

  @Override
  public void setRequestUri(java.net.URI a0) {
    throw new UnsupportedOperationException("setRequestUri");
  }

  @Override
  public void setRequestUri(java.net.URI a0, java.net.URI a1) {
    throw new UnsupportedOperationException("setRequestUri");
  }

  @Override
  public jakarta.ws.rs.core.Request getRequest() {
    throw new UnsupportedOperationException("getRequest");
  }

  @Override
  public java.lang.String getMethod() {
    throw new UnsupportedOperationException("getMethod");
  }

  @Override
  public void setMethod(java.lang.String a0) {
    throw new UnsupportedOperationException("setMethod");
  }

  @Override
  public jakarta.ws.rs.core.MultivaluedMap<java.lang.String, java.lang.String> getHeaders() {
    throw new UnsupportedOperationException("getHeaders");
  }

  @Override
  public java.lang.String getHeaderString(java.lang.String a0) {
    throw new UnsupportedOperationException("getHeaderString");
  }

  @Override
  public java.util.Date getDate() {
    throw new UnsupportedOperationException("getDate");
  }

  @Override
  public java.util.Locale getLanguage() {
    throw new UnsupportedOperationException("getLanguage");
  }

  @Override
  public int getLength() {
    throw new UnsupportedOperationException("getLength");
  }

  @Override
  public jakarta.ws.rs.core.MediaType getMediaType() {
    throw new UnsupportedOperationException("getMediaType");
  }

  @Override
  public java.util.List<jakarta.ws.rs.core.MediaType> getAcceptableMediaTypes() {
    throw new UnsupportedOperationException("getAcceptableMediaTypes");
  }

  @Override
  public java.util.List<java.util.Locale> getAcceptableLanguages() {
    throw new UnsupportedOperationException("getAcceptableLanguages");
  }

  @Override
  public java.util.Map<java.lang.String, jakarta.ws.rs.core.Cookie> getCookies() {
    throw new UnsupportedOperationException("getCookies");
  }

  @Override
  public boolean hasEntity() {
    throw new UnsupportedOperationException("hasEntity");
  }

  @Override
  public java.io.InputStream getEntityStream() {
    throw new UnsupportedOperationException("getEntityStream");
  }

  @Override
  public void setEntityStream(java.io.InputStream a0) {
    throw new UnsupportedOperationException("setEntityStream");
  }

  @Override
  public jakarta.ws.rs.core.SecurityContext getSecurityContext() {
    throw new UnsupportedOperationException("getSecurityContext");
  }

  @Override
  public void setSecurityContext(jakarta.ws.rs.core.SecurityContext a0) {
    throw new UnsupportedOperationException("setSecurityContext");
  }

  @Override
  public void abortWith(jakarta.ws.rs.core.Response a0) {
    throw new UnsupportedOperationException("abortWith");
  }
}

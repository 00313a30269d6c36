package dev.tapes.jaxrs;

/** A response context with a status and whether it has an entity; everything else unsupported. */
final class FakeResponse implements jakarta.ws.rs.container.ContainerResponseContext {

  private final int status;
  private final boolean entity;

  FakeResponse(int status, boolean entity) {
    this.status = status;
    this.entity = entity;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public boolean hasEntity() {
    return entity;
  }

  @Override
  public void setStatus(int a0) {
    throw new UnsupportedOperationException("setStatus");
  }

  @Override
  public jakarta.ws.rs.core.Response.StatusType getStatusInfo() {
    throw new UnsupportedOperationException("getStatusInfo");
  }

  @Override
  public void setStatusInfo(jakarta.ws.rs.core.Response.StatusType a0) {
    throw new UnsupportedOperationException("setStatusInfo");
  }

  @Override
  public jakarta.ws.rs.core.MultivaluedMap<java.lang.String, java.lang.Object> getHeaders() {
    throw new UnsupportedOperationException("getHeaders");
  }

  @Override
  public jakarta.ws.rs.core.MultivaluedMap<java.lang.String, java.lang.String> getStringHeaders() {
    throw new UnsupportedOperationException("getStringHeaders");
  }

  @Override
  public java.lang.String getHeaderString(java.lang.String a0) {
    throw new UnsupportedOperationException("getHeaderString");
  }

  @Override
  public java.util.Set<java.lang.String> getAllowedMethods() {
    throw new UnsupportedOperationException("getAllowedMethods");
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
  public java.util.Map<java.lang.String, jakarta.ws.rs.core.NewCookie> getCookies() {
    throw new UnsupportedOperationException("getCookies");
  }

  @Override
  public jakarta.ws.rs.core.EntityTag getEntityTag() {
    throw new UnsupportedOperationException("getEntityTag");
  }

  @Override
  public java.util.Date getLastModified() {
    throw new UnsupportedOperationException("getLastModified");
  }

  @Override
  public java.net.URI getLocation() {
    throw new UnsupportedOperationException("getLocation");
  }

  @Override
  public java.util.Set<jakarta.ws.rs.core.Link> getLinks() {
    throw new UnsupportedOperationException("getLinks");
  }

  @Override
  public boolean hasLink(java.lang.String a0) {
    throw new UnsupportedOperationException("hasLink");
  }

  @Override
  public jakarta.ws.rs.core.Link getLink(java.lang.String a0) {
    throw new UnsupportedOperationException("getLink");
  }

  @Override
  public jakarta.ws.rs.core.Link.Builder getLinkBuilder(java.lang.String a0) {
    throw new UnsupportedOperationException("getLinkBuilder");
  }

  @Override
  public java.lang.Object getEntity() {
    throw new UnsupportedOperationException("getEntity");
  }

  @Override
  public java.lang.Class<?> getEntityClass() {
    throw new UnsupportedOperationException("getEntityClass");
  }

  @Override
  public java.lang.reflect.Type getEntityType() {
    throw new UnsupportedOperationException("getEntityType");
  }

  @Override
  public void setEntity(java.lang.Object a0) {
    throw new UnsupportedOperationException("setEntity");
  }

  @Override
  public void setEntity(java.lang.Object a0, java.lang.annotation.Annotation[] a1, jakarta.ws.rs.core.MediaType a2) {
    throw new UnsupportedOperationException("setEntity");
  }

  @Override
  public java.lang.annotation.Annotation[] getEntityAnnotations() {
    throw new UnsupportedOperationException("getEntityAnnotations");
  }

  @Override
  public java.io.OutputStream getEntityStream() {
    throw new UnsupportedOperationException("getEntityStream");
  }

  @Override
  public void setEntityStream(java.io.OutputStream a0) {
    throw new UnsupportedOperationException("setEntityStream");
  }
}

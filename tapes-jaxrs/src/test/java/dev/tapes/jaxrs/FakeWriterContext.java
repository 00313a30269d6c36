package dev.tapes.jaxrs;

/**
 * A writer interceptor context whose properties are those of a {@link FakeRequest}, as in a real
 * runtime, and whose {@code proceed()} writes nothing; everything else unsupported.
 */
final class FakeWriterContext implements jakarta.ws.rs.ext.WriterInterceptorContext {

  private final FakeRequest request;

  FakeWriterContext(FakeRequest request) {
    this.request = request;
  }

  @Override
  public void proceed() {}

  @Override
  public Object getProperty(java.lang.String name) {
    return request.getProperty(name);
  }

  @Override
  public void setProperty(java.lang.String name, Object value) {
    request.setProperty(name, value);
  }

  @Override
  public void removeProperty(java.lang.String name) {
    request.removeProperty(name);
  }

  @Override
  public java.util.Collection<java.lang.String> getPropertyNames() {
    return request.getPropertyNames();
  }

  @Override
  public java.lang.Object getEntity() {
    throw new UnsupportedOperationException("getEntity");
  }

  @Override
  public void setEntity(java.lang.Object a0) {
    throw new UnsupportedOperationException("setEntity");
  }

  @Override
  public java.io.OutputStream getOutputStream() {
    throw new UnsupportedOperationException("getOutputStream");
  }

  @Override
  public void setOutputStream(java.io.OutputStream a0) {
    throw new UnsupportedOperationException("setOutputStream");
  }

  @Override
  public jakarta.ws.rs.core.MultivaluedMap<java.lang.String, java.lang.Object> getHeaders() {
    throw new UnsupportedOperationException("getHeaders");
  }

  @Override
  public java.lang.annotation.Annotation[] getAnnotations() {
    throw new UnsupportedOperationException("getAnnotations");
  }

  @Override
  public void setAnnotations(java.lang.annotation.Annotation[] a0) {
    throw new UnsupportedOperationException("setAnnotations");
  }

  @Override
  public java.lang.Class<?> getType() {
    throw new UnsupportedOperationException("getType");
  }

  @Override
  public void setType(java.lang.Class<?> a0) {
    throw new UnsupportedOperationException("setType");
  }

  @Override
  public java.lang.reflect.Type getGenericType() {
    throw new UnsupportedOperationException("getGenericType");
  }

  @Override
  public void setGenericType(java.lang.reflect.Type a0) {
    throw new UnsupportedOperationException("setGenericType");
  }

  @Override
  public jakarta.ws.rs.core.MediaType getMediaType() {
    throw new UnsupportedOperationException("getMediaType");
  }

  @Override
  public void setMediaType(jakarta.ws.rs.core.MediaType a0) {
    throw new UnsupportedOperationException("setMediaType");
  }
}

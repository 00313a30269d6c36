package dev.tapes.examples.shop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The shop as a WAR: the server scans the application for {@code @Path} and {@code @Provider}
 * classes, tapes-jaxrs's in {@code WEB-INF/lib} included, so nothing needs registering and
 * {@code GET /metrics} is served beside the shop.
 */
@ApplicationPath("/")
public class ShopApplication extends Application {}

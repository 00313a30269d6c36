package dev.tapes.distributed;

import java.util.Objects;
import org.zeromq.ZMQ;

/**
 * A CURVE key pair in Z85 text (40 characters a key), as ZeroMQ tools print them. The
 * aggregator keeps its secret key and hands its public key to proxies; each proxy has a pair
 * of its own whose public key the aggregator allows.
 *
 * <pre>{@code
 * CurveKeyPair server = CurveKeyPair.generate();
 * CurveKeyPair client = CurveKeyPair.generate();
 * RegistryAggregator aggregator = RegistryAggregator.builder()
 *     .endpoint("tcp://0.0.0.0:5557")
 *     .curve(server.secretKey(), List.of(client.publicKey()))
 *     .build();
 * DistributedRegistry registry = DistributedRegistry.builder("tcp://metrics:5557")
 *     .curve(server.publicKey(), client).build();
 * }</pre>
 *
 * <p>{@link #toString()} leaves the secret key out.
 */
public record CurveKeyPair(String publicKey, String secretKey) {

  private static final String Z85 =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
  private static final int KEY_CHARS = 40;

  /**
   * @throws IllegalArgumentException if a key is not 40 characters of Z85
   */
  public CurveKeyPair {
    checkKey(publicKey, "public key");
    checkKey(secretKey, "secret key");
  }

  /** A new random key pair. */
  public static CurveKeyPair generate() {
    ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
    return new CurveKeyPair(pair.publicKey, pair.secretKey);
  }

  /** The 32 bytes of a Z85 key, after checking it. */
  static byte[] decode(String key, String what) {
    checkKey(key, what);
    return ZMQ.Curve.z85Decode(key);
  }

  static String encode(byte[] key) {
    return ZMQ.Curve.z85Encode(key);
  }

  static void checkKey(String key, String what) {
    Objects.requireNonNull(key, what);
    if (key.length() != KEY_CHARS) {
      throw new IllegalArgumentException("a CURVE " + what + " is " + KEY_CHARS
          + " characters of Z85, not " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      if (Z85.indexOf(key.charAt(i)) < 0) {
        throw new IllegalArgumentException("a CURVE " + what + " is Z85 text; character "
            + i + " is not Z85");
      }
    }
  }

  @Override
  public String toString() {
    return "CurveKeyPair[publicKey=" + publicKey + "]";
  }
}

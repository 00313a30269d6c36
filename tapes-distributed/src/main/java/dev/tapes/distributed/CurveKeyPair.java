package dev.tapes.distributed;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Objects;
import javax.crypto.KeyAgreement;
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
  private static final String PUBLIC_KEY = "public-key=";
  private static final String SECRET_KEY = "secret-key=";

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

  /**
   * Reads a key pair from a key file: lines {@code public-key=<Z85>} and {@code
   * secret-key=<Z85>}; blank lines and lines starting with {@code #} are ignored. That is what
   * {@link #toKeyFile()} and the aggregator command's {@code --generate-curve-keys} write.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a key is missing or malformed
   */
  public static CurveKeyPair load(Path file) throws IOException {
    String publicKey = null;
    String secretKey = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith(PUBLIC_KEY)) {
        publicKey = trimmed.substring(PUBLIC_KEY.length()).strip();
      } else if (trimmed.startsWith(SECRET_KEY)) {
        secretKey = trimmed.substring(SECRET_KEY.length()).strip();
      } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        throw new IllegalArgumentException(file + ": not a key line: expected "
            + PUBLIC_KEY + "... or " + SECRET_KEY + "...");
      }
    }
    if (publicKey == null || secretKey == null) {
      throw new IllegalArgumentException(file + ": needs both a " + PUBLIC_KEY + " and a "
          + SECRET_KEY + " line");
    }
    return new CurveKeyPair(publicKey, secretKey);
  }

  /** The key file {@link #load} reads: the secret key included, so keep it private. */
  public String toKeyFile() {
    return "# CURVE key pair for tapes distributed mode: share the public key, keep the secret\n"
        + PUBLIC_KEY + publicKey + "\n" + SECRET_KEY + secretKey + "\n";
  }

  /** The 32 bytes of a Z85 key, after checking it. */
  static byte[] decode(String key, String what) {
    checkKey(key, what);
    return ZMQ.Curve.z85Decode(key);
  }

  /**
   * The public key of a secret key: CURVE's keys are X25519's, so it is the secret key times
   * the base point (u = 9), which is what an X25519 agreement with the base point computes.
   */
  static byte[] publicKeyOf(byte[] secretKey) {
    try {
      KeyFactory keys = KeyFactory.getInstance("X25519");
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(keys.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519,
          secretKey)));
      agreement.doPhase(keys.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
          BigInteger.valueOf(9))), true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute an X25519 public key", e);
    }
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

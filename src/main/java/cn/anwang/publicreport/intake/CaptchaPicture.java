package cn.anwang.publicreport.intake;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import javax.imageio.ImageIO;

/**
 * Draws a captcha's digits as jittered, rotated seven-segment strokes over noise lines. Strokes
 * rather than text, so that no font has to be installed on the server.
 */
final class CaptchaPicture {

  static final int WIDTH = 168;
  static final int HEIGHT = 56;

  // segments a..g of a digit in a 20×36 box: x1, y1, x2, y2
  private static final int[][] SEGMENTS = {
    {2, 2, 18, 2},
    {18, 2, 18, 18},
    {18, 18, 18, 34},
    {2, 34, 18, 34},
    {2, 18, 2, 34},
    {2, 2, 2, 18},
    {2, 18, 18, 18}
  };
  private static final String[] DIGITS = {
    "abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"
  };

  private static final SecureRandom NOISE = new SecureRandom();

  private CaptchaPicture() {}

  static byte[] png(String answer) {
    // the noise and the jitter must not be derivable from the answer (a seed built from the
    // answer's hash and the clock was: SpotBugs PREDICTABLE_RANDOM)
    SecureRandom random = NOISE;
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(245, 247, 250));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      for (int i = 0; i < 9; i++) {
        g.setColor(new Color(150 + random.nextInt(80), 150 + random.nextInt(80), 190));
        g.setStroke(new BasicStroke(1f + random.nextFloat()));
        g.drawLine(
            random.nextInt(WIDTH), random.nextInt(HEIGHT),
            random.nextInt(WIDTH), random.nextInt(HEIGHT));
      }
      for (int i = 0; i < answer.length(); i++) {
        AffineTransform saved = g.getTransform();
        g.translate(14 + i * 38 + random.nextInt(6), 9 + random.nextInt(6));
        g.rotate((random.nextDouble() - 0.5) * 0.45, 10, 18);
        g.setColor(
            new Color(20 + random.nextInt(60), 30 + random.nextInt(60), 90 + random.nextInt(80)));
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (char s : DIGITS[answer.charAt(i) - '0'].toCharArray()) {
          int[] seg = SEGMENTS[s - 'a'];
          g.drawLine(
              seg[0] + random.nextInt(3) - 1, seg[1] + random.nextInt(3) - 1,
              seg[2] + random.nextInt(3) - 1, seg[3] + random.nextInt(3) - 1);
        }
        g.setTransform(saved);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

package cn.anwang.shared.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PublicCopyTest {

  @Test
  void aJpegLosesItsExifAndCommentButNotItsPicture() throws Exception {
    byte[] original =
        TestPhotos.decodableJpegWithExif(64, 48, "2026:11:29 09:30:00", 39, 6, 117, 12);
    assertThat(Exif.read(original).lat()).isNotNull();
    byte[] copy = PublicCopy.of(original, FileKind.JPEG).orElseThrow();
    String text = new String(copy, StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("Exif").doesNotContain("Xiaomi").doesNotContain("2026:11:29");
    assertThat(Exif.read(copy)).isEqualTo(Exif.Data.NONE);
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(copy));
    assertThat(b.getWidth()).isEqualTo(64);
    assertThat(b.getHeight()).isEqualTo(48);
    assertThat(b.getRGB(10, 10)).isEqualTo(a.getRGB(10, 10));
    assertThat(FileKind.sniff(copy)).contains(FileKind.JPEG);
  }

  @Test
  void aPngLosesItsTextAndTimeChunks() throws Exception {
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", plain);
    byte[] png = plain.toByteArray();
    // insert a tEXt chunk after IHDR (8 + 25 bytes)
    byte[] data = "Comment\0GPS 39.1,117.2".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream withText = new ByteArrayOutputStream();
    withText.write(png, 0, 33);
    withText.write(new byte[] {0, 0, 0, (byte) data.length});
    withText.writeBytes("tEXt".getBytes(StandardCharsets.ISO_8859_1));
    withText.writeBytes(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update("tEXt".getBytes(StandardCharsets.ISO_8859_1));
    crc.update(data);
    long c = crc.getValue();
    withText.write(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c});
    withText.write(png, 33, png.length - 33);
    byte[] original = withText.toByteArray();
    assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("GPS 39.1");
    byte[] copy = PublicCopy.of(original, FileKind.PNG).orElseThrow();
    assertThat(new String(copy, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
    assertThat(ImageIO.read(new ByteArrayInputStream(copy)).getWidth()).isEqualTo(8);
  }

  @Test
  void webpAndBrokenFilesGetNoPublicCopy() {
    assertThat(
            PublicCopy.of("RIFF....WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), FileKind.WEBP))
        .isEmpty();
    assertThat(
            PublicCopy.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01}, FileKind.JPEG))
        .isEmpty();
    assertThat(PublicCopy.of(TestPhotos.png(), FileKind.PNG)).isEmpty();
  }
}

package cn.anwang.shared.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExifTest {

  @Test
  void readsTheOriginalTimeAsChinaTimeAndTheGpsPosition() {
    Exif.Data d = Exif.read(TestPhotos.jpegWithExif("2026:11:29 09:30:00", 39, 6, 117, 12));
    assertThat(d.takenAt()).isEqualTo(Instant.parse("2026-11-29T01:30:00Z"));
    assertThat(d.lat()).isCloseTo(39.1, within(1e-9));
    assertThat(d.lon()).isCloseTo(117.2, within(1e-9));
  }

  @Test
  void aJpegWithoutExifOrGarbageGivesNothingAndNeverThrows() {
    assertThat(Exif.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}))
        .isEqualTo(Exif.Data.NONE);
    byte[] truncated = TestPhotos.jpegWithExif("2026:11:29 09:30:00", 39, 6, 117, 12);
    assertThat(Exif.read(java.util.Arrays.copyOf(truncated, 60))).isEqualTo(Exif.Data.NONE);
    assertThat(Exif.read(TestPhotos.png())).isEqualTo(Exif.Data.NONE);
  }

  @Test
  void sniffsPhotoTypesByContent() {
    assertThat(FileKind.sniff(TestPhotos.png())).contains(FileKind.PNG);
    assertThat(FileKind.sniff(TestPhotos.jpegWithExif("2026:01:01 00:00:00", 1, 0, 1, 0)))
        .contains(FileKind.JPEG);
    // a PDF is a file kind, but not a photo an inspection accepts
    assertThat(FileKind.sniff("%PDF-1.7 hello".getBytes()).filter(FileKind::photo)).isEmpty();
  }
}

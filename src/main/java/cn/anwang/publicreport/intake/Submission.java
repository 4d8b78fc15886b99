package cn.anwang.publicreport.intake;

/**
 * What the public form sends. Coordinates are as the client gave them ({@code coords} names the
 * system: WGS84, the default, GCJ02 or BD09).
 */
public record Submission(
    String category,
    String description,
    String lon,
    String lat,
    String coords,
    String address,
    boolean anonymous,
    String name,
    String phone,
    boolean consent,
    String captchaToken,
    String captchaAnswer) {}

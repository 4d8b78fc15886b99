package cn.anwang.shared;

/**
 * The order of the start-up data loaders ({@code ApplicationRunner}s): the division tree first,
 * then the first administrator, then demo grids, then demo users who need both.
 */
public final class StartupOrder {

  public static final int DIVISIONS = 10;
  public static final int ADMINISTRATOR = 20;
  public static final int DEMO_AREA = 30;
  public static final int DEMO_USERS = 40;

  private StartupOrder() {}
}

package cn.anwang.notification.outbox;

import org.springframework.context.ApplicationContext;

/** Lets tests of other packages run the outbox delivery of an application context now. */
public final class OutboxTestAccess {

  private OutboxTestAccess() {}

  /** Delivers the rows due now on that server; returns how many were sent. */
  public static int deliverDue(ApplicationContext context) {
    return context.getBean(OutboxDelivery.class).deliverDue();
  }

  /** The task name of the delivery on db-scheduler. */
  public static String taskName() {
    return OutboxTaskConfiguration.TASK_NAME;
  }
}

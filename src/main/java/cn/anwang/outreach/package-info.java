/**
 * Outreach: the documents officers deliver to supervised objects (文件送达), electronically to the
 * enterprise's users or in person on the phone, with a receipt (送达回证) per object, receipt rates and
 * reminders; and publicity (宣传): activity records, coverage per grid and a calendar. A visit
 * recorded on the phone in the inspection flow is the delivery or publicity record ({@code
 * inspection.OfficerDutyListener}).
 *
 * <p>Internal packages: {@code document} (documents, targets, deliveries, receipts, rates,
 * reminders), {@code publicity} (activities, coverage, calendar), {@code web} (the refusals both
 * share).
 */
@ApplicationModule(
    displayName = "Documents and publicity",
    allowedDependencies = {
      "identity",
      "area",
      "registry",
      "inspection",
      "workforce",
      "notification",
      "shared"
    })
package cn.anwang.outreach;

import org.springframework.modulith.ApplicationModule;

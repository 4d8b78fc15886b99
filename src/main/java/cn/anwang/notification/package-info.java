/**
 * Notifications: in-app (the bell with its unread count) first; e-mail and signed webhooks join
 * later. Other modules send through {@link cn.anwang.notification.Notifications}.
 */
@ApplicationModule(
    displayName = "Notification",
    allowedDependencies = {"identity", "shared"})
package cn.anwang.notification;

import org.springframework.modulith.ApplicationModule;

/**
 * Small kernel types used by every module: division codes, geographic points and coordinate
 * systems, the embedded database, and the web error policy. Open to all modules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Shared kernel")
package cn.anwang.shared;

import org.springframework.modulith.ApplicationModule;

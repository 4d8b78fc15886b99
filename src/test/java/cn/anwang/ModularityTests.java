package cn.anwang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The architecture is a test: module boundaries hold, and the module documentation is current. */
class ModularityTests {

  static final ApplicationModules modules = ApplicationModules.of(AnwangApplication.class);

  static final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.anwang");

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  @Test
  void writesModuleDocumentation() {
    new Documenter(modules, "target/spring-modulith-docs")
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
  }

  @Test
  void sharedKernelDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("cn.anwang.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("cn.anwang.area..", "cn.anwang.identity..")
        .check(classes);
  }

  @Test
  void geometryCodeStaysFreeOfWebTypes() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.anwang.shared.geo..", "cn.anwang.area.demo..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void identityNeverReachesIntoArea() {
    noClasses()
        .that()
        .resideInAPackage("cn.anwang.identity..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("cn.anwang.area..")
        .check(classes);
  }
}

package se.omsorgsnav;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Omsorgsnav.class);

    @Test
    @DisplayName("DESIGN: modules only reach each other through their public API, without cycles")
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    @DisplayName("DESIGN: every module declares the modules it may use, so a new arrow fails the build")
    void everyModuleDeclaresItsDependencies() throws ClassNotFoundException {
        for (var module : modules) {
            String base = module.getBasePackage().getName();
            var declared = Class.forName(base + ".package-info").getAnnotation(org.springframework.modulith.ApplicationModule.class);
            // shared is open and uses nothing; every other module names what it may use.
            if (!base.endsWith(".shared")) {
                org.assertj.core.api.Assertions.assertThat(declared)
                        .as("module %s must declare allowedDependencies in its package-info", module.getIdentifier()).isNotNull();
                org.assertj.core.api.Assertions.assertThat(declared.allowedDependencies())
                        .as("module %s must declare allowedDependencies in its package-info", module.getIdentifier()).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("DESIGN: the module documentation is generated from the code")
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

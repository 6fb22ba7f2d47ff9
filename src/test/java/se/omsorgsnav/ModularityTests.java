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
    @DisplayName("DESIGN: the module documentation is generated from the code")
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}

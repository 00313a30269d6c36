package dev.tapes.cdi;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.Validation;

/**
 * {@link TapesBuildCompatibleExtension} as Weld's translator of CDI Lite extensions runs it, so
 * that tests run it in Weld SE. Weld never runs an extension annotated {@code
 * SkipIfPortableExtensionPresent}, whether or not the portable one is there (it always runs
 * portable extensions), and looks for extension methods among the declared ones only: this
 * subclass, unannotated, redeclares each phase and calls the real one.
 */
public class WeldTranslatedExtension extends TapesBuildCompatibleExtension {

  @Override
  @Discovery
  public void addOwnTypes(ScannedClasses scanned) {
    super.addOwnTypes(scanned);
  }

  @Override
  @Registration(types = dev.tapes.Registry.class)
  public void noteApplicationRegistry(BeanInfo bean) {
    super.noteApplicationRegistry(bean);
  }

  @Override
  @Registration(types = Object.class)
  public void planBean(BeanInfo bean, Messages messages) {
    super.planBean(bean, messages);
  }

  @Override
  @Synthesis
  public void addBeans(SyntheticComponents components) {
    super.addBeans(components);
  }

  @Override
  @Validation
  public void checkNames(Messages messages) {
    super.checkNames(messages);
  }
}

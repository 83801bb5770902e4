package org.gridloop.security;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The attacker's scenario suite: each request an attacker (or a careless insider) was seen to
 * make, made again the same way, asserting that it is refused and that nothing changed. One class
 * per way in, in {@code security/attacks} ({@code *Attacks}); the README's Security section names
 * each. Run alone with {@code ./mvnw verify -Dit.test=AttackScenariosIT}.
 */
@Suite
@SuiteDisplayName("Attack scenarios")
@SelectPackages("org.gridloop.security.attacks")
@IncludeClassNamePatterns(".*Attacks")
class AttackScenariosIT {}

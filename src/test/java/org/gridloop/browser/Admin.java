package org.gridloop.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Admin (7.24) as the administrator uses it: the list of users ({@code #/users}, one row
 * per user with {@code td.username a}), a new user ({@code #/user-create}: {@code #inputUserId},
 * the password widget's {@code #inputPassword}, {@code #inputPasswordRepeat}, {@code #inputFirstname},
 * {@code #inputLastname}, {@code #inputEmail}), a user's Account tab (their new password under
 * {@code #inputAuthenticationUserPassword}, the administrator's own) and Groups tab (the "Add to
 * a group" dialog: one checkbox per group, rows {@code td.group-id a}). Templates: the admin
 * webapp's {@code pages/users.html}, {@code userCreate.html}, {@code userEdit.html} and
 * {@code create-group-membership.html}.
 */
final class Admin extends CamundaWebapp {

  static final By USERS_NAV = By.cssSelector("a[href='#/users']");
  static final By USER_ROWS = By.cssSelector("table.cam-table td.username a");
  static final By CREATE_USER = By.cssSelector("button[ng-click='createUser()']");
  static final By CHANGE_PASSWORD = By.cssSelector("button[ng-click='updateCredentials(updateCredentialsForm)']");
  static final By ADD_TO_GROUP = By.cssSelector("a[ng-click='openCreateGroupMembershipDialog()']");
  static final By ADD_GROUPS = By.cssSelector(".modal-footer button[ng-click='createGroupMemberships()']");
  static final By DIALOG_OK = By.cssSelector(".modal-footer button[ng-click='close(status)']");

  Admin(Browser browser, int port) {
    super(browser, port, "admin");
  }

  /** Logs in and waits for Admin's navigation (only members of camunda-admin get this far). */
  void logInAs(String user, String password) {
    openLoginPage();
    logIn(user, password);
    browser.until("Camunda Admin's Users entry after logging in as " + user
        + " (camunda-admin needs the grants of security/RoleAuthorizations)",
        ExpectedConditions.presenceOfElementLocated(USERS_NAV));
  }

  /** The ids the list of users shows. */
  List<String> listedUsers(int atLeast) {
    browser.open(url() + "#/users");
    browser.until("the list of users to show at least " + atLeast + " users",
        d -> d.findElements(USER_ROWS).size() >= atLeast);
    return browser.driver().findElements(USER_ROWS).stream().map(e -> e.getText().trim()).toList();
  }

  /** Fills in and sends the form of a new user. */
  void createUser(String id, String password, String firstName, String lastName, String email) {
    browser.open(url() + "#/user-create");
    browser.type(By.id("inputUserId"), id);
    browser.type(By.id("inputPassword"), password);
    browser.type(By.id("inputPasswordRepeat"), password);
    browser.type(By.id("inputFirstname"), firstName);
    browser.type(By.id("inputLastname"), lastName);
    browser.type(By.id("inputEmail"), email);
    browser.until("the Create button to be enabled", ExpectedConditions.elementToBeClickable(CREATE_USER));
    browser.click(CREATE_USER);
    browser.until("Admin to go back to the list of users", ExpectedConditions.urlContains("#/users"));
  }

  /** Sets a user's password on their Account tab, confirmed with the administrator's own password. */
  void changePassword(String userId, String administratorPassword, String newPassword) {
    browser.open(url() + "#/users/" + userId + "?tab=account");
    browser.type(By.id("inputAuthenticationUserPassword"), administratorPassword);
    browser.type(By.id("inputPassword"), newPassword);
    browser.type(By.id("inputPasswordRepeat"), newPassword);
    browser.until("the Change password button to be enabled", ExpectedConditions.elementToBeClickable(CHANGE_PASSWORD));
    browser.click(CHANGE_PASSWORD);
  }

  /** Adds the user to a group through the Groups tab's dialog. */
  void addToGroup(String userId, String groupId) {
    browser.open(url() + "#/users/" + userId + "?tab=groups");
    browser.click(ADD_TO_GROUP);
    By box = By.xpath("//div[contains(@class,'modal')]//tr[td[contains(@class,'group-id')]/a[normalize-space(.)='"
        + groupId + "']]//input[@type='checkbox']");
    // The dialog loads its groups after it opens and may draw the rows again: tick until it stays ticked.
    browser.until("group " + groupId + " to be ticked", d -> {
      WebElement checkbox = d.findElement(box);
      if (!checkbox.isSelected() && checkbox.isDisplayed() && checkbox.isEnabled()) {
        browser.scrollTo(checkbox);
        try {
          checkbox.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
          return false; // the dialog is still sliding in: try again
        }
      }
      return checkbox.isSelected();
    });
    browser.click(ADD_GROUPS);
    browser.click(DIALOG_OK);
    browser.until("group " + groupId + " among the user's groups", ExpectedConditions.presenceOfElementLocated(
        By.xpath("//td[contains(@class,'group-id')]/a[normalize-space(.)='" + groupId + "']")));
  }
}

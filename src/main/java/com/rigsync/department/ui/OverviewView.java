package com.rigsync.department.ui;

import com.rigsync.base.ui.MainLayout;
import com.rigsync.department.DepartmentProfile;
import com.rigsync.department.DepartmentService;
import com.rigsync.security.CurrentUser;
import com.rigsync.security.SignedInUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a department's people land after signing in; Client Success staff are sent to their first screen. */
@Route("")
@PageTitle("Overview | RigSync")
@Menu(title = "Assets > Overview", order = 0, icon = "vaadin:home")
@PermitAll
public class OverviewView extends VerticalLayout implements BeforeEnterObserver {

    private final transient DepartmentService departments;
    private final transient CurrentUser currentUser;

    OverviewView(DepartmentService departments, CurrentUser currentUser) {
        this.departments = departments;
        this.currentUser = currentUser;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = currentUser.require();
        if (user.departmentId() == null) {
            // the layout's menu leaves this page out for them; their first screen is their home
            MainLayout.screens(currentUser).stream().findFirst()
                    .ifPresent(first -> event.forwardTo(first.menuClass()));
            return;
        }
        removeAll();
        DepartmentProfile department = departments.myDepartment();
        add(new H2(department.name()));
        add(new Paragraph("Signed in as " + user.displayName() + " (" + user.role().label() + ")."));
        Div plan = new Div();
        plan.addClassName("note");
        if (department.samsaraEntitled()) {
            plan.setText("Your department's plan includes the Samsara telematics integration: apparatus odometer, "
                    + "engine hours, location, fuel and fault codes can stay current by themselves once an "
                    + "administrator or data manager connects Samsara.");
        } else {
            plan.addClassName("paid");
            plan.setText("The Samsara telematics integration is a paid feature that is not part of your "
                    + "department's plan. To add it, contact your Client Success Manager.");
        }
        add(plan);
    }
}

import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/** Home page widget "On call now for my teams". `home-page-widget:reliability/my-teams-oncall`. */
export const reliabilityMyTeamsOnCallWidget = HomePageWidgetBlueprint.make({
  name: 'my-teams-oncall',
  params: {
    name: 'ReliabilityMyTeamsOnCall',
    title: 'On call now for my teams',
    description:
      "Who is on call now for the services of the signed-in user's teams.",
    components: () =>
      import('../lazy/homeWidgets').then(m => ({
        Content: m.MyTeamsOnCallWidget,
      })),
  },
});

/** Home page widget "My services' reliability". `home-page-widget:reliability/my-services`. */
export const reliabilityMyServicesWidget = HomePageWidgetBlueprint.make({
  name: 'my-services',
  params: {
    name: 'ReliabilityMyServices',
    title: "My services' reliability",
    description:
      'Error budget left, firing SLO alerts and maturity level of the services you and your teams own.',
    components: () =>
      import('../lazy/homeWidgets').then(m => ({
        Content: m.MyServicesReliabilityWidget,
      })),
  },
});

/** Home page widget "Your learning path". `home-page-widget:reliability/learning-path`. */
export const reliabilityMyLearningPathWidget = HomePageWidgetBlueprint.make({
  name: 'learning-path',
  params: {
    name: 'ReliabilityMyLearningPath',
    title: 'Your learning path',
    description:
      "The onboarding paths of the signed-in user's teams (runbooks, journeys, postmortems, on-call shifts) with checkboxes and progress.",
    components: () =>
      import('../lazy/homeWidgets').then(m => ({
        Content: m.MyLearningPathWidget,
      })),
  },
});

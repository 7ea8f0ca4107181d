export { MyTeamsOnCallWidget } from './MyTeamsOnCallWidget';

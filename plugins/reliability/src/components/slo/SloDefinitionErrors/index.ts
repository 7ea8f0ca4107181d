export * from './SloDefinitionErrors';

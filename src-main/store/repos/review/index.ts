export * from './reviews'
